using System.Data.Common;
using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Auth;

namespace Vorlagen.Api.Seed;

/// <summary>Inserts a user with a hashed password and role grants; shared by demo data and the bootstrap admin.</summary>
public static class UserWriter
{
    public const string UserExistsSql = "SELECT COUNT(*) FROM users WHERE username = @Username";
    public const string InsertUserSql =
        "INSERT INTO users (body_id, username, display_name, password_hash, active, failed_logins, version, created_at, updated_at) " +
        "VALUES (@BodyId, @Username, @DisplayName, @PasswordHash, 1, 0, 1, @Now, @Now) {{ReturnId}}";
    public const string InsertRoleSql = "INSERT INTO user_roles (user_id, role, organization_id) VALUES (@UserId, @Role, @OrganizationId)";

    /// <returns>false when the username exists already (nothing is changed then).</returns>
    public static async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string now,
        long? bodyId, string username, string displayName, string password, IEnumerable<(string Role, long? OrganizationId)> roles)
    {
        if (await connection.ExecuteScalarAsync<int>(UserExistsSql, new { Username = username }, transaction) > 0) return false;
        var userId = await connection.ExecuteScalarAsync<long>(dialect.Render(InsertUserSql), new
        {
            BodyId = bodyId, Username = username, DisplayName = displayName, PasswordHash = PasswordCheck.HashPassword(password), Now = now,
        }, transaction);
        foreach (var (role, organizationId) in roles)
            await connection.ExecuteAsync(InsertRoleSql, new { UserId = userId, Role = role, OrganizationId = organizationId }, transaction);
        return true;
    }
}
