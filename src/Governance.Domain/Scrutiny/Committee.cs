using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Scrutiny;

public enum CommitteeKind
{
    OverviewAndScrutiny,
    SelectCommittee,
    Cabinet,
    ProcurementBoard,
    ProgrammeBoard,
    JointConsultative,
}

public class Committee : ArchivableEntity
{
    [Required, MaxLength(200)]
    public string Name { get; set; } = "";

    public CommitteeKind Kind { get; set; }

    public ICollection<Member> Members { get; } = [];

    public ICollection<Meeting> Meetings { get; } = [];
}
