using Xunit.Abstractions;
using Xunit.Sdk;

namespace Vorlagen.Api.Tests.Support;

/// <summary>Marks a test class that needs the PostgreSQL server of <see cref="TestPostgres"/>.</summary>
public interface IPostgresTests;

/// <summary>
/// A [Fact] of a provider topic (one abstract class per topic, a subclass per provider): in a subclass
/// marked <see cref="IPostgresTests"/> it is reported as skipped, with the reason, when no server is configured.
/// </summary>
[XunitTestCaseDiscoverer("Vorlagen.Api.Tests.Support.ProviderFactDiscoverer", "Vorlagen.Api.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        if (TestPostgres.SkipReason is { } reason && typeof(IPostgresTests).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()))
            return [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)];
        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
