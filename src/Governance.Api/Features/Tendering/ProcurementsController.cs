using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Tendering;

namespace Governance.Api.Features.Tendering;

public sealed class ProcurementsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<Procurement>(db, time);
