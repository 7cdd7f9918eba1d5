namespace Governance.Api.Data.Audit;

/// <summary>The signed-in user's name, or "system" when no request is in progress (start-up, seeding, jobs).</summary>
internal sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string Name => accessor.HttpContext?.User.Identity?.Name ?? "system";
}
