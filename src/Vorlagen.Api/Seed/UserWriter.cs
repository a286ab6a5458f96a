using System.Data.Common;
using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Auth;
using Vorlagen.Api.Features.Users;

namespace Vorlagen.Api.Seed;

/// <summary>Inserts a user with a hashed password and role grants; shared by demo data and the bootstrap admin.</summary>
public static class UserWriter
{

    /// <returns>false when the username exists already (nothing is changed then).</returns>
    public static async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string now,
        long? bodyId, string username, string displayName, string password, IEnumerable<(string Role, long? OrganizationId)> roles)
    {
        if (await connection.ExecuteScalarAsync<int>(CreateUser.UsernameTakenSql, new { Username = username }, transaction) > 0) return false;
        var userId = await connection.ExecuteScalarAsync<long>(dialect.Render(CreateUser.InsertSql), new
        {
            BodyId = bodyId, Username = username, DisplayName = displayName, PasswordHash = PasswordCheck.HashPassword(password), Active = true, Now = now, Actor = (string?)null,
        }, transaction);
        foreach (var (role, organizationId) in roles)
            await connection.ExecuteAsync(UserSql.InsertRoleSql, new { UserId = userId, Role = role, OrganizationId = organizationId }, transaction);
        return true;
    }
}
