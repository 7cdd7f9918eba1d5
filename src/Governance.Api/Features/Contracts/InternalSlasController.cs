using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Contracts;

namespace Governance.Api.Features.Contracts;

public sealed class InternalSlasController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<InternalSla>(db, time);
