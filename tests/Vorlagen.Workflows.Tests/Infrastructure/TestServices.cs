namespace Vorlagen.Workflows.Tests.Infrastructure;

/// <summary>A minimal IServiceProvider: what host activities would resolve from the host's DI scope.</summary>
public sealed class TestServices : IServiceProvider
{
    private readonly Dictionary<Type, object> services = [];

    public TestServices Add<T>(T service) where T : notnull
    {
        services[typeof(T)] = service;
        return this;
    }

    public object? GetService(Type serviceType) => services.GetValueOrDefault(serviceType);
}
