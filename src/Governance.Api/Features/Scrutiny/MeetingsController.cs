using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Scrutiny;

namespace Governance.Api.Features.Scrutiny;

public sealed class MeetingsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<Meeting>(db, time);
