namespace Governance.Domain.Notices;

/// <summary>
/// The notices a council publishes about its procurements and contracts: the Procurement Act 2023's UK notices (on
/// the central digital platform, Find a Tender) and, for procurements started before 24 February 2025, PCR 2015's.
/// </summary>
public enum NoticeType
{
    /// <summary>PA 2023 s.21: the tender notice that starts a competitive procedure.</summary>
    UK4,

    /// <summary>PA 2023 s.50: the contract award notice, before the contract is entered into; standstill runs from it (s.51).</summary>
    UK6,

    /// <summary>PA 2023 s.53: the contract details notice, within 30 days of entering the contract.</summary>
    UK7,

    /// <summary>PA 2023 s.71: the contract performance notice, within 30 days of each assessment.</summary>
    UK9,

    /// <summary>PA 2023 s.75: the contract change notice, before the contract is modified.</summary>
    UK10,

    /// <summary>PA 2023 s.80: the contract termination notice, within 30 days of termination.</summary>
    UK11,

    /// <summary>PA 2023 s.55: the procurement termination notice, when the council decides not to award.</summary>
    UK12,

    /// <summary>PA 2023 s.69: the payments compliance notice, within 30 days of the end of each six-month reporting period.</summary>
    UK17,

    /// <summary>PCR 2015 reg 49: the contract notice that calls for competition.</summary>
    PcrContractNotice,

    /// <summary>PCR 2015 reg 50: the contract award notice, within 30 days of the award.</summary>
    PcrContractAwardNotice,
}

public enum NoticeStatus
{
    /// <summary>Raised by the event that starts its clock; nothing drafted yet.</summary>
    Due,

    /// <summary>Its content generated from the data for checking; regenerated on each draft until published.</summary>
    Drafted,

    /// <summary>Past its deadline and not yet published (drafted or not): escalated once.</summary>
    Overdue,

    /// <summary>Recorded by the council as published, with the platform's reference; the content is fixed.</summary>
    Published,
}
