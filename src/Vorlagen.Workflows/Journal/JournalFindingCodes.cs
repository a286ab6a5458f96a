namespace Vorlagen.Workflows.Journal;

/// <summary>Stable codes of journal findings (hosts translate them; the reasons stay English here).</summary>
public static class JournalFindingCodes
{
    /// <summary>A sequence number is missing, duplicated or out of order (record deleted or renumbered).</summary>
    public const string SequenceGap = "sequence_gap";
    /// <summary>A record's previousHash is not the prior record's hash.</summary>
    public const string BrokenLink = "broken_link";
    /// <summary>A record's hash does not match its content (edited without recomputing).</summary>
    public const string RecordChanged = "record_changed";
    /// <summary>Journal rows exist but the instance row does not.</summary>
    public const string NoInstance = "no_instance";
    /// <summary>The chain ends elsewhere than the head the instance row recorded.</summary>
    public const string HeadMismatch = "head_mismatch";
    /// <summary>The head carries no MAC although sealing is on.</summary>
    public const string HeadUnsealed = "head_unsealed";
    /// <summary>The head's MAC is not the keyed MAC of (instance, correlation, sequence, hash).</summary>
    public const string HeadMacInvalid = "head_mac_invalid";
    /// <summary>The journal is shorter than a checkpoint recorded (deleted records, restored backup).</summary>
    public const string BehindCheckpoint = "behind_checkpoint";
    /// <summary>The record at the checkpointed sequence has another hash than the checkpoint recorded.</summary>
    public const string DiffersFromCheckpoint = "differs_from_checkpoint";
    /// <summary>A checkpointed instance no longer exists in the database.</summary>
    public const string InstanceMissing = "instance_missing";
    /// <summary>A checkpoint line is unreadable, has an invalid MAC, or does not link to the line before.</summary>
    public const string CheckpointInvalid = "checkpoint_invalid";
}
