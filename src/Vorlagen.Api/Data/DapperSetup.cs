using System.Data;
using System.Globalization;
using Dapper;
using Npgsql;

namespace Vorlagen.Api.Data;

/// <summary>
/// Dapper settings shared by every provider, registered once per process. Flags are 0/1 integers in
/// SQLite and PostgreSQL (SMALLINT) and BIT in SQL Server, so SQL compares them with 1 and 0 everywhere;
/// PostgreSQL does not convert a boolean parameter to an integer, so a C# bool goes to Npgsql as 0/1.
/// </summary>
public static class DapperSetup
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        SqlMapper.RemoveTypeMap(typeof(bool)); // a built-in type map wins over a handler; the handler keeps the other providers' Boolean
        SqlMapper.AddTypeHandler(typeof(bool), new FlagHandler());
        return true;
    });

    public static void Register() => _ = Registered.Value;

    private sealed class FlagHandler : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            if (parameter is NpgsqlParameter)
            {
                parameter.DbType = DbType.Int16;
                parameter.Value = value is bool flag ? (short)(flag ? 1 : 0) : DBNull.Value;
            }
            else
            {
                parameter.DbType = DbType.Boolean;
                parameter.Value = value is bool ? value : DBNull.Value;
            }
        }

        public object Parse(Type destinationType, object value) => Convert.ToBoolean(value, CultureInfo.InvariantCulture);
    }
}
