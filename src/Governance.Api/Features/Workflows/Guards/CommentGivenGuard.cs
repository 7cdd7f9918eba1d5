using Governance.Workflows.Runtime;

namespace Governance.Api.Features.Workflows.Guards;

/// <summary>comment:given — the person firing must say why (closures, cancellations, challenges).</summary>
internal sealed class CommentGivenGuard : IWorkflowGuard
{
    public string Name => "comment:given";

    public string Description => "A comment giving the reason is required.";

    public Task<bool> HoldsAsync(GuardContext context, CancellationToken ct) =>
        Task.FromResult(!string.IsNullOrWhiteSpace(context.Comment));
}
