using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace Governance.Api.Auth;

/// <summary>Policy names for reading and writing the entity set a controller serves, decided by <see cref="AccessRules"/>.</summary>
public static class EntitySetAccess
{
    public const string Read = "EntitySet.Read";
    public const string Write = "EntitySet.Write";
}

internal sealed record EntitySetRequirement(bool Write) : IAuthorizationRequirement;

/// <summary>Finds the entity set from the controller's name, so each controller needs no role list of its own.</summary>
internal sealed class EntitySetAuthorizationHandler : AuthorizationHandler<EntitySetRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, EntitySetRequirement requirement)
    {
        var entitySet = (context.Resource as HttpContext)?.GetEndpoint()?.Metadata
            .GetMetadata<ControllerActionDescriptor>()?.ControllerName;
        if (entitySet is not null)
        {
            var allowed = requirement.Write
                ? AccessRules.CanWrite(entitySet, context.User.IsInRole)
                : AccessRules.CanRead(entitySet, context.User.IsInRole);
            if (allowed)
                context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
