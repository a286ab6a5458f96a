using Dapper;
using Microsoft.Extensions.DependencyInjection;
using FluentValidation;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Infrastructure;

public sealed class BehaviorTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ConnectionFactory _factory;
    private static readonly IServiceProvider EmptyServices = new ServiceCollection().BuildServiceProvider();

    public sealed record Rename(string Name) : ICommand<int>;
    public sealed record Lookup(string Name) : IRequest<int>;

    private sealed class RenameValidator : AbstractValidator<Rename>
    {
        public RenameValidator() => RuleFor(r => r.Name).NotEmpty().WithMessage("Name fehlt.");
    }

    public BehaviorTests()
    {
        _factory = new ConnectionFactory(new DatabaseOptions { ConnectionString = $"Data Source={_folder.File("b.db")}" });
        using var connection = _factory.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        connection.Execute("CREATE TABLE names (name TEXT NOT NULL)");
    }

    [Fact]
    public async Task Validation_stops_an_invalid_request_before_the_handler()
    {
        var behavior = new ValidationBehavior<Rename, int>([new RenameValidator()]);
        var called = false;

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            behavior.Handle(new Rename(""), CancellationToken.None, () => { called = true; return Task.FromResult(1); }));

        Assert.False(called);
        Assert.Equal("Name fehlt.", Assert.Single(error.Errors).ErrorMessage);
    }

    [Fact]
    public async Task Validation_lets_a_valid_request_through()
    {
        var behavior = new ValidationBehavior<Rename, int>([new RenameValidator()]);
        Assert.Equal(42, await behavior.Handle(new Rename("Kreistag"), CancellationToken.None, () => Task.FromResult(42)));
    }

    [Fact]
    public async Task A_command_runs_in_a_transaction_that_commits()
    {
        await using var session = new DbSession(_factory);
        var behavior = new TransactionBehavior<Rename, int>(session, EmptyServices);

        await behavior.Handle(new Rename("x"), CancellationToken.None, async () =>
        {
            Assert.NotNull(session.Transaction);
            return await session.Connection.ExecuteAsync("INSERT INTO names (name) VALUES ('Kreistag')", transaction: session.Transaction);
        });

        Assert.Null(session.Transaction);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task A_failing_command_rolls_back_everything_it_wrote()
    {
        await using var session = new DbSession(_factory);
        var behavior = new TransactionBehavior<Rename, int>(session, EmptyServices);

        await Assert.ThrowsAsync<ConflictException>(() => behavior.Handle(new Rename("x"), CancellationToken.None, async () =>
        {
            await session.Connection.ExecuteAsync("INSERT INTO names (name) VALUES ('Kreistag')", transaction: session.Transaction);
            throw new ConflictException("test", "Zu spät.");
        }));

        Assert.Null(session.Transaction);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task A_query_runs_without_a_transaction()
    {
        await using var session = new DbSession(_factory);
        var behavior = new TransactionBehavior<Lookup, int>(session, EmptyServices);

        var seen = await behavior.Handle(new Lookup("x"), CancellationToken.None, () => Task.FromResult(session.Transaction is null ? 1 : 0));

        Assert.Equal(1, seen);
    }

    private async Task<int> CountAsync()
    {
        await using var connection = await _factory.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM names");
    }

    public void Dispose() => _folder.Dispose();
}
