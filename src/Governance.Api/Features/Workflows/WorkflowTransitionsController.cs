using Governance.Api.Data;
using Governance.Api.OData;

namespace Governance.Api.Features.Workflows;

public sealed class WorkflowTransitionsController(GovernanceDbContext db) : LogEntitySetController<WorkflowTransition>(db);
