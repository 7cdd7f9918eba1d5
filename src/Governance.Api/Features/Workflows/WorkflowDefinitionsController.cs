using Governance.Api.Auth;
using Governance.Api.OData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;

namespace Governance.Api.Features.Workflows;

/// <summary>Read-only: every loaded definition version, with its states and transitions.</summary>
[Authorize(Policy = EntitySetAccess.Read)]
public sealed class WorkflowDefinitionsController(WorkflowDefinitions definitions) : ODataController
{
    [GovernanceQuery]
    public IQueryable<WorkflowDefinitionView> Get() => Views().AsQueryable();

    [GovernanceQuery]
    public SingleResult<WorkflowDefinitionView> Get(string key) => SingleResult.Create(Views().Where(v => v.Key == key).AsQueryable());

    private IEnumerable<WorkflowDefinitionView> Views() => definitions.All.Select(d => WorkflowDefinitionView.From(d, definitions.IsCurrent(d)));
}
