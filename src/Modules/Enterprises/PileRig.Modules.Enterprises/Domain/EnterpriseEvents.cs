using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Enterprises.Domain;

/// <summary>The enterprise's profile as submitted: every field required.</summary>
public sealed record EnterpriseProfile(
    string Name,
    string CreditCode,
    string Address,
    string LegalRepresentative,
    string ContactName,
    string ContactPhone,
    EnterpriseDocumentKind DocumentKind,
    StoredFileRef Document);

/// <summary>资质证书 for a supervision firm, 营业执照 for a rig owner.</summary>
public enum EnterpriseDocumentKind
{
    QualificationCertificate,
    BusinessLicence,
}

/// <summary>The enterprise first exists when its account submits the profile; the id was reserved at sign-up.</summary>
public sealed record EnterpriseRegistered(Guid EnterpriseId, EnterpriseKind Kind, Guid AccountId, DateTimeOffset At);

public sealed record EnterpriseProfileCompleted(Guid EnterpriseId, EnterpriseProfile Profile, Guid ByAccountId, DateTimeOffset At);

public sealed record EnterpriseProfileUpdated(Guid EnterpriseId, EnterpriseProfile Profile, Guid ByAccountId, DateTimeOffset At);

/// <summary>The credit code failed its GB 32100 check character and the user confirmed it is nevertheless right.</summary>
public sealed record CreditCodeCheckFailureConfirmed(Guid EnterpriseId, string CreditCode, char ExpectedCheckCharacter,
    Guid ByAccountId, DateTimeOffset At);
