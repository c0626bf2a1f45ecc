using PileRig.SharedKernel.Identity;

namespace PileRig.Modules.Enterprises.Contracts;

/// <summary>Published (through the outbox) each time an enterprise's profile is completed or changed.</summary>
public sealed record EnterpriseProfileChangedIntegrationEvent(
    Guid EnterpriseId,
    EnterpriseKind Kind,
    string Name,
    string CreditCode,
    DateTimeOffset At);

/// <summary>
/// Synchronous query into Enterprises, sanctioned by ADR 0004: the profile gate ("until complete the account can do
/// nothing else") must be exact at the moment of the request, not eventually consistent.
/// </summary>
public interface IEnterpriseProfileLookup
{
    Task<bool> IsProfileCompleteAsync(Guid enterpriseId, CancellationToken cancellationToken);
}
