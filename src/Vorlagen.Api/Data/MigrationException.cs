namespace Vorlagen.Api.Data;

/// <summary>Stops start-up: the database schema and the migration scripts disagree.</summary>
public sealed class MigrationException(string message) : Exception(message);
