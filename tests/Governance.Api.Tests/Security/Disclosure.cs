using System.Reflection;
using Governance.Api.Data;
using Governance.Api.Features.Tendering;
using Governance.Domain.Common;
using Governance.Domain.Documents;
using Governance.Domain.Scrutiny;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Tests.Security;

/// <summary>
/// The truth the invariant test holds the API to, computed from the database past every filter and from the model by
/// name, independently of how the service decides: a row belongs to every record a property named after that record's
/// type refers to (<c>ContractId</c>, <c>EscalationId</c>, <c>WorkflowInstanceId</c>...), and to the subject it names
/// (<c>SubjectType</c>, <c>SubjectId</c>). A row marked exempt, or belonging to one that is, directly or through others,
/// is exempt. Only the documented exceptions of <see cref="ExemptionScope"/> (references that are not belonging, and
/// records the law keeps public) are taken from the service.
/// </summary>
internal sealed class Disclosure
{
    public sealed record Row(string Type, long Id, object Entity, IReadOnlyList<(string Type, long Id)> Owners);

    /// <summary>Commercially confidential tender records (the audit trail's list): the procurement's team, and each bidder its own.</summary>
    private static readonly string[] ConfidentialTypes = Features.Audit.AuditEntriesController.ConfidentialTypes;

    private static readonly string[] PublicSubjects = [nameof(AgendaItem), nameof(ForwardPlanEntry), nameof(Consultation)];

    private readonly Dictionary<(string Type, long Id), Row> rows;
    private readonly Dictionary<(string Type, long Id), bool> exempt = [];
    private readonly HashSet<(string Type, long Id)> marked;
    private readonly List<ProcurementTeamMember> team;

    private Disclosure(Dictionary<(string, long), Row> rows, HashSet<(string, long)> marked, List<ProcurementTeamMember> team) =>
        (this.rows, this.marked, this.team) = (rows, marked, team);

    public IEnumerable<Row> Rows => rows.Values;

    public static async Task<Disclosure> ReadAsync(GovernanceDbContext db, CancellationToken ct)
    {
        var exemptable = db.Model.GetEntityTypes().Select(t => t.ClrType).Where(ExemptionScope.IsExemptable).Select(t => t.Name).ToHashSet();
        var load = typeof(Disclosure).GetMethod(nameof(LoadAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        var rows = new Dictionary<(string, long), Row>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.BaseType is null && !t.IsOwned() && t.ClrType.GetProperty("Id")?.PropertyType is { } id && (id == typeof(int) || id == typeof(long))))
        {
            var entities = await (Task<List<object>>)load.MakeGenericMethod(type.ClrType).Invoke(null, [db, ct])!;
            foreach (var entity in entities)
            {
                var row = new Row(type.ClrType.Name, Convert.ToInt64(type.ClrType.GetProperty("Id")!.GetValue(entity), System.Globalization.CultureInfo.InvariantCulture), entity, OwnersOf(entity, exemptable));
                rows[(row.Type, row.Id)] = row;
            }
        }
        var marked = (await db.ExemptionMarkings.AsNoTracking().Where(m => m.ArchivedAt == null).ToListAsync(ct)).Select(m => (m.EntityType, (long)m.EntityKey)).ToHashSet();
        return new Disclosure(rows, marked, await db.ProcurementTeamMembers.AsNoTracking().ToListAsync(ct));
    }

    private static async Task<List<object>> LoadAsync<T>(GovernanceDbContext db, CancellationToken ct)
        where T : class => [.. await db.Set<T>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct)];

    private static List<(string, long)> OwnersOf(object entity, HashSet<string> exemptable)
    {
        var type = entity.GetType();
        var owners = new List<(string, long)>();
        foreach (var property in type.GetProperties().Where(p => p.Name.EndsWith("Id", StringComparison.Ordinal) && p.Name != "Id"))
        {
            var owner = property.Name[..^2];
            if (!exemptable.Contains(owner) || ExemptionScope.References.Contains(property.Name) || ExemptionScope.PublicDespite.Contains((type.Name, property.Name)))
                continue;
            if (property.GetValue(entity) is int key)
                owners.Add((owner, key));
        }
        // The record a row is about, unless the row names exempt business in public by law (an agenda item, a forward
        // plan entry, a consultation) or is a committee paper built from the markings (Part A without, Part B with).
        if (type.GetProperty("SubjectType")?.GetValue(entity) is string subjectType && type.GetProperty("SubjectId")?.GetValue(entity) is int subjectId
            && !PublicSubjects.Contains(type.Name) && entity is not PublishedDocument { Kind: DocumentKind.CommitteePaper or DocumentKind.ExemptAppendix })
            owners.Add((subjectType, subjectId));
        return owners;
    }

    /// <summary>Marked, or belonging (through any chain) to something marked: hidden from everyone outside the committee.</summary>
    public bool IsExempt((string Type, long Id) key)
    {
        if (exempt.TryGetValue(key, out var known))
            return known;
        exempt[key] = false; // the model has no cycles; this only stops a bad row from recursing for ever
        var result = marked.Contains(key) || (rows.TryGetValue(key, out var row) && row.Owners.Any(IsExempt));
        exempt[key] = result;
        return result;
    }

    public Row? Find((string Type, long Id) key) => rows.GetValueOrDefault(key);

    /// <summary>Whether a confidential tender row may reach this reader: on the procurement's team, or the bidder's own supplier.</summary>
    public bool MayReadConfidential(Row row, Reader reader)
    {
        if (!ConfidentialTypes.Contains(row.Type))
            return true;
        var procurementId = ((IProcurementRecord)row.Entity).ProcurementId;
        if (reader.SupplierId is { } supplier)
        {
            var bidderId = row.Entity is Bidder b ? b.Id : (row.Entity as IBidderRecord)?.BidderId;
            return bidderId is { } id && rows.TryGetValue((nameof(Bidder), id), out var bidder) && ((Bidder)bidder.Entity).SupplierId == supplier;
        }
        return team.Any(m => m.ProcurementId == procurementId && m.UserName == reader.Email);
    }

    /// <summary>What this reader must never receive.</summary>
    public bool IsForbidden((string Type, long Id) key, Reader reader)
    {
        if (rows.TryGetValue(key, out var row) && !MayReadConfidential(row, reader))
            return true;
        return reader.ExemptHidden && IsExempt(key);
    }
}

/// <summary>A reader the test signs in as: whether exempt records are hidden from them, and whose bids they are.</summary>
internal sealed record Reader(string Label, string Email, bool ExemptHidden, int? SupplierId = null);
