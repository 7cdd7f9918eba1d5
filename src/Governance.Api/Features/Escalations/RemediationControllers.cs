using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Escalations;

namespace Governance.Api.Features.Escalations;

/// <summary>Remediation (rectification) plans agreed for escalations.</summary>
public sealed class RemediationPlansController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<RemediationPlan>(db, time);

/// <summary>The actions of remediation plans, each with an owner and a due date.</summary>
public sealed class RemediationActionsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<RemediationAction>(db, time);
