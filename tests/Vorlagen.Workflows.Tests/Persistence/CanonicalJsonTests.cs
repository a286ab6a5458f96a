using System.Text.Json.Nodes;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Json;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Workflows.Tests.Persistence;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Sorts_keys_drops_whitespace_and_normalizes_numbers()
    {
        var canonical = CanonicalJson.Normalize("""{ "b": [ 1.0, 2.50, 1e2 ], "a": { "z": "ä\"", "y": null }, "B": true }""");

        Assert.Equal("""{"B":true,"a":{"y":null,"z":"ä\""},"b":[1,2.5,100]}""", canonical);
    }

    [Fact]
    public void Nodes_built_in_code_and_parsed_text_give_the_same_text()
    {
        var built = new JsonObject { ["yes"] = 17, ["no"] = 43L, ["share"] = 0.25m };

        Assert.Equal(CanonicalJson.Normalize("""{"share":0.25,"no":43,"yes":17}"""), CanonicalJson.Serialize(built));
    }

    [Fact]
    public void Instants_are_fixed_width_utc_text_that_round_trips()
    {
        var instant = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(1);

        var text = InstantText.ToText(instant);

        Assert.Equal("2025-03-01T09:00:00.0000001Z", text);
        Assert.Equal(instant, InstantText.Parse(text));
        Assert.True(string.CompareOrdinal(InstantText.ToText(instant.AddTicks(-1)), text) < 0);
    }

    [Fact]
    public void The_journal_hash_covers_the_previous_hash_and_every_field()
    {
        var record = JournalHasher.Seal(new WorkflowExecutionLogRecord(
            "i1", 2, new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero), "ResultRecorded", "a", "T.A", "A",
            "u1", "User", "Vorsitz", "msg", """{"yes":1}""", new string('0', 64), ""));

        Assert.Equal(64, record.Hash.Length);
        Assert.Equal(record.Hash, JournalHasher.ComputeHash(record));
        Assert.NotEqual(record.Hash, JournalHasher.ComputeHash(record with { PreviousHash = new string('1', 64) }));
        Assert.NotEqual(record.Hash, JournalHasher.ComputeHash(record with { ActorRole = "Landrat" }));
        Assert.NotEqual(record.Hash, JournalHasher.ComputeHash(record with { Payload = """{"yes": 1}""" }));
        Assert.NotEqual(record.Hash, JournalHasher.ComputeHash(record with { Sequence = 3 }));
    }
}
