using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Performance;

namespace Governance.Api.Features.Performance;

/// <summary>The evidence behind escalations: every slip observed, by indicator, period and cause.</summary>
public sealed class SlipObservationsController(GovernanceDbContext db) : LogEntitySetController<SlipObservation>(db);
