using System.Reflection;
using FluentValidation;
using MediatR;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// MediatR 5.1.0 has no DI package here, so handlers and behaviors are registered by a small assembly
/// scan; validators by FluentValidation's own DI extension. Behavior order is registration order:
/// Logging → Validation → Transaction.
/// </summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddVorlagenMediator(this IServiceCollection services, Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var handlerInterface in type.GetInterfaces().Where(IsRequestHandler))
                services.AddScoped(handlerInterface, type);
        }

        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped);

        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));
        return services;
    }

    private static bool IsRequestHandler(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IRequestHandler<,>);
}
