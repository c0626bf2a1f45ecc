using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Enterprises.Domain;

public static class EnterpriseDecisions
{
    /// <summary>
    /// Submitting the profile: the first submission registers the enterprise and completes it; later ones update it.
    /// A credit code whose check character fails is accepted only when the user confirmed it, and the confirmation is
    /// its own event. Submitting the same profile again changes nothing. Once the profile is complete its credit code is
    /// bound: changing it would release the old code to anyone (who could then pose as that company), so it is refused.
    /// </summary>
    public static Decision SubmitProfile(Enterprise? current, Guid enterpriseId, EnterpriseKind kind, EnterpriseProfile profile,
        bool confirmedCheckFailure, Actor actor, DateTimeOffset now)
    {
        if (current?.Profile is { } completed && completed.CreditCode != profile.CreditCode)
        {
            return Decision.Refuse(EnterpriseRules.CreditCodeBound, ("creditCode", completed.CreditCode));
        }

        var events = new List<object>();
        if (UnifiedSocialCreditCode.Check(profile.CreditCode) == CreditCodeCheck.CheckCharacterMismatch
            && current?.ConfirmedCreditCodes.Contains(profile.CreditCode) != true)
        {
            var expected = UnifiedSocialCreditCode.ExpectedCheckCharacter(profile.CreditCode);
            if (!confirmedCheckFailure)
            {
                return Decision.Refuse(EnterpriseRules.CreditCodeCheckFailed, ("expected", expected));
            }

            events.Add(new CreditCodeCheckFailureConfirmed(enterpriseId, profile.CreditCode, expected, actor.AccountId, now));
        }

        if (current is null)
        {
            events.Insert(0, new EnterpriseRegistered(enterpriseId, kind, actor.AccountId, now));
            events.Add(new EnterpriseProfileCompleted(enterpriseId, profile, actor.AccountId, now));
        }
        else if (current.Profile != profile)
        {
            events.Add(new EnterpriseProfileUpdated(enterpriseId, profile, actor.AccountId, now));
        }

        return Decision.Accept([.. events]);
    }

    public static EnterpriseDocumentKind DocumentKindFor(EnterpriseKind kind) => kind == EnterpriseKind.SupervisionFirm
        ? EnterpriseDocumentKind.QualificationCertificate
        : EnterpriseDocumentKind.BusinessLicence;
}
