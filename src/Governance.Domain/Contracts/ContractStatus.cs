namespace Governance.Domain.Contracts;

public enum ContractStatus
{
    Draft,
    Active,
    InRemediation,
    Terminated,
    Expired,
}
