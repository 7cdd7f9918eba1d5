using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Scrutiny;

namespace Governance.Api.Features.Scrutiny;

public sealed class MembersController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<Member>(db, time);
