using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace SocialOrder.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<Common.Files.UploadScanning>();
        return services;
    }
}
