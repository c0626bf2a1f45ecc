using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.EquipmentRegistry.Domain;

public static class RigDecisions
{
    /// <summary>Braces are structural unless the owner says otherwise; other kinds are not unless the owner says so.</summary>
    public static bool StructuralByDefault(ComponentKind kind, bool? declared) => declared ?? kind == ComponentKind.Brace;

    /// <summary>The owner; the admin; a regulator once the rig was entered or flagged on a project of its jurisdictions.</summary>
    public static bool MayRead(Rig rig, Actor actor) =>
        actor.IsAdmin || rig.OwnerId == actor.EnterpriseId
        || (actor.Role == Roles.Regulator && rig.Jurisdictions.Any(actor.Jurisdictions.Contains));

    public static bool MayChange(Rig rig, Actor actor) => actor.Role == Roles.RigOwner && rig.OwnerId == actor.EnterpriseId;

    public static Decision AddComponent(Rig rig, RigComponent component, Actor actor, DateTimeOffset now)
    {
        var refusal = RefuseChange(rig) ?? RefuseDuplicateSerial(rig, component, except: null);
        return refusal is not null ? refusal : Decision.Accept(new ComponentAdded(rig.Id, component, actor.AccountId, now));
    }

    public static Decision ReplaceComponent(Rig rig, Guid componentId, RigComponent replacement, string reason, Actor actor, DateTimeOffset now)
    {
        var old = rig.Components.FirstOrDefault(c => c.Id == componentId);
        if (old is null)
        {
            return Decision.Refuse(EquipmentRules.ComponentNotFound);
        }

        var refusal = RefuseChange(rig) ?? RefuseDuplicateSerial(rig, replacement with { Kind = old.Kind }, except: old.Id);
        return refusal is not null ? refusal : Decision.Accept(new ComponentReplaced(rig.Id, old.Id, old.Code, replacement with { Kind = old.Kind }, reason,
            actor.AccountId, now));
    }

    public static Decision RemoveComponent(Rig rig, Guid componentId, string reason, Actor actor, DateTimeOffset now)
    {
        var old = rig.Components.FirstOrDefault(c => c.Id == componentId);
        if (old is null)
        {
            return Decision.Refuse(EquipmentRules.ComponentNotFound);
        }

        var refusal = RefuseChange(rig);
        return refusal is not null ? refusal : Decision.Accept(new ComponentRemoved(rig.Id, old.Id, old.Code, reason, actor.AccountId, now));
    }

    private static RuleViolation? RefuseChange(Rig rig) =>
        rig.Usage is not null ? RuleViolation.Of(EquipmentRules.ComponentsLockedInUse) : null;

    private static RuleViolation? RefuseDuplicateSerial(Rig rig, RigComponent candidate, Guid? except) =>
        rig.Components.Any(c => c.Id != except && c.Kind == candidate.Kind && string.Equals(c.Serial, candidate.Serial, StringComparison.OrdinalIgnoreCase))
            ? RuleViolation.Of(EquipmentRules.ComponentSerialDuplicate, ("serial", candidate.Serial), ("kind", candidate.Kind))
            : null;
}
