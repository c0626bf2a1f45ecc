using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Enterprises.Domain;

/// <summary>A supervision firm or rig owner. Immutable; its stream is its history.</summary>
public sealed partial record Enterprise(Guid Id, EnterpriseKind Kind, Guid AccountId, EnterpriseProfile? Profile,
    DateTimeOffset RegisteredAt, IReadOnlyList<string> ConfirmedCreditCodes)
{
    public long Version { get; init; }

    public bool ProfileComplete => Profile is not null;

    public static Enterprise Create(EnterpriseRegistered e) => new(e.EnterpriseId, e.Kind, e.AccountId, null, e.At, []);

    public Enterprise Apply(EnterpriseProfileCompleted e) => this with { Profile = e.Profile };

    public Enterprise Apply(EnterpriseProfileUpdated e) => this with { Profile = e.Profile };

    public Enterprise Apply(CreditCodeCheckFailureConfirmed e) =>
        this with { ConfirmedCreditCodes = [.. ConfirmedCreditCodes, e.CreditCode] };

    /// <summary>The state after new events, as Marten will compute it once they are stored (for the command's answer).</summary>
    public static Enterprise? Fold(Enterprise? state, IEnumerable<object> events) =>
        events.Aggregate(state, (s, e) => (e switch
        {
            EnterpriseRegistered r => Create(r),
            EnterpriseProfileCompleted c => s!.Apply(c),
            EnterpriseProfileUpdated u => s!.Apply(u),
            CreditCodeCheckFailureConfirmed f => s!.Apply(f),
            _ => s,
        }) is { } next ? next with { Version = (s?.Version ?? 0) + 1 } : null);
}

/// <summary>Reserves a 统一社会信用代码 for one enterprise; the document id is the code itself.</summary>
public sealed record CreditCodeClaim(string Id, Guid EnterpriseId) : IUniqueClaim
{
    public object ClaimedValue => Id;

    public RuleViolation LostRace() => RuleViolation.Of(EnterpriseRules.CreditCodeTaken, ("creditCode", Id));
}
