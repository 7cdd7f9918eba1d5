using Governance.Api.Data;
using Governance.Api.OData;

namespace Governance.Api.Features.Workflows;

public sealed class WorkflowTimersController(GovernanceDbContext db) : LogEntitySetController<WorkflowTimer>(db);
