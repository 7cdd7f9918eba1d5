using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Notifications;

/// <summary>
/// A notification reaches the person responsible and says what happened, about which record, and by when: an
/// escalation's first rung goes to the contract manager the contract names, not to every contract manager.
/// </summary>
public sealed class NotificationAddressingTests(SqliteApp app)
{
    [Fact]
    public async Task AnEscalation_NotifiesItsNamedOwner_NamingTheContractAndTheDeadline()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var escalation = await CreateEscalationAsync(manager, $"addressing-{Guid.NewGuid():N}");
        var contract = await manager.GetJsonAsync("/odata/Contracts(1)?$select=Title,ContractManager");
        Assert.Equal("Mark Osei", contract.GetProperty("ContractManager").GetString()); // the account "Mark Osei (contract manager, ...)"

        var sent = await manager.GetJsonAsync($"/odata/Notifications?$filter=SubjectType eq 'Escalation' and SubjectId eq {escalation}");
        var notification = Assert.Single(sent.GetProperty("value").EnumerateArray());
        Assert.Equal("contractmanager@demo.local", notification.GetProperty("RecipientUser").GetString());
        Assert.Equal($"KPI slip needs your response: escalation {escalation} on {contract.GetProperty("Title").GetString()} (Test slip)", notification.GetProperty("Subject").GetString());
        Assert.Contains("Respond by ", notification.GetProperty("Body").GetString(), StringComparison.Ordinal);
        Assert.Contains("(UK time)", notification.GetProperty("Body").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mark Osei", "MARK OSEI")]
    [InlineData("Mark Osei (contract manager, shared services)", "MARK OSEI")]
    [InlineData("Sophie Ellis, Assistant Director of Business Improvement", "SOPHIE ELLIS")]
    [InlineData("Director of Corporate Services", "DIRECTOR OF CORPORATE SERVICES")]
    public void ANamedPerson_IsTheNameBeforeAnyCommaOrBracket(string text, string name) =>
        Assert.Equal(name, Api.Features.Notifications.NamedPeople.NameOf(text));
}
