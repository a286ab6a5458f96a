using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.Health;

/// <summary>Healthy when the database answers a trivial query.</summary>
public sealed class DatabaseHealthCheck(ConnectionFactory factory) : IHealthCheck
{
    public const string PingSql = "SELECT 1";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await factory.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition(PingSql, cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            // The reason goes to the log only; the endpoint answers just "Unhealthy".
            return HealthCheckResult.Unhealthy("Database unreachable", ex);
        }
    }
}
