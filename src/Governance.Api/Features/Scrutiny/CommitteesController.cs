using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Scrutiny;

namespace Governance.Api.Features.Scrutiny;

public sealed class CommitteesController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<Committee>(db, time);
