using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;
using Shouldly;
using Xunit;

namespace PileRig.Modules.EquipmentRegistry.Tests;

/// <summary>The entry rules as pure functions: no database, a clock passed in — for what HTTP tests cannot wait for.</summary>
public sealed class SupervisionDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly StoredFileRef Form = new(new string('a', 64), 10, "application/pdf", "form.pdf");
    private static readonly Actor Engineer = new(Guid.NewGuid(), "e", "e", Roles.Engineer, Guid.NewGuid(), false, true, [], ClientInfo.SystemClient);
    private static readonly RigComponent Brace = new(Guid.NewGuid(), ComponentKind.Brace, "B-01", true, "C0000000001");

    private static Rig ARig(bool topMounted = false, DateOnly? made = null) => Rig.Create(new RigRegistered(Guid.NewGuid(), Guid.NewGuid(),
        new RigDescription("long_auger", "maker", "model", "S1", made ?? new DateOnly(2020, 1, 1), "C1", Form, new DateOnly(2030, 1, 1), 30m, topMounted, 2, []),
        "R0000000001", [Brace], Guid.NewGuid(), Now.AddYears(-1)));

    private static Verification Verified(Rig rig, DateTimeOffset started) =>
        Verification.Create(new VerificationStarted(Guid.NewGuid(), rig.Id, Guid.NewGuid(), Engineer.AccountId, started))
            .Apply(new ComponentScanned(Guid.NewGuid(), rig.Id, Brace.Id, Brace.Code, Engineer.AccountId, started));

    private static Decision Enter(Rig rig, Verification verification, decimal height = 20m, int heads = 1, SupervisionSettings? settings = null) =>
        SupervisionDecisions.RegisterUsage(rig, verification, Guid.NewGuid(), "330212", new SupervisionDecisions.EntryInput(height, heads, Form), null,
            settings ?? new SupervisionSettings(), Engineer, Now);

    [Fact]
    public void A_verification_is_good_for_the_configured_window_and_not_a_minute_longer()
    {
        var rig = ARig();

        Enter(rig, Verified(rig, Now.AddHours(-24))).IsRefused.ShouldBeFalse();
        Enter(rig, Verified(rig, Now.AddHours(-24).AddMinutes(-1))).Violation!.Rule.ShouldBe(SupervisionRules.VerificationExpired);
        Enter(rig, Verified(rig, Now.AddHours(-3)), settings: new SupervisionSettings { VerificationWindowHours = 2 }).Violation!.Rule
            .ShouldBe(SupervisionRules.VerificationExpired);
    }

    [Theory]
    [InlineData(true, 1, true)]
    [InlineData(true, 2, true)]
    [InlineData(true, 3, false)]
    [InlineData(false, 1, true)]
    [InlineData(false, 2, false)]
    [InlineData(false, 0, false)]
    public void Power_heads_follow_the_arrangement(bool topMounted, int heads, bool accepted)
    {
        var rig = ARig(topMounted);

        Enter(rig, Verified(rig, Now), heads: heads).IsRefused.ShouldBe(!accepted);
    }

    [Fact]
    public void Service_life_is_a_setting_by_type()
    {
        var rig = ARig(made: new DateOnly(2010, 1, 1)); // 16 years old: past the default 15

        Enter(rig, Verified(rig, Now)).Violation!.Rule.ShouldBe(SupervisionRules.PastServiceLife);
        Enter(rig, Verified(rig, Now), settings: new SupervisionSettings { ServiceLifeYears = { ["long_auger"] = 20 } }).IsRefused.ShouldBeFalse();
    }

    [Fact]
    public void A_flag_suspends_a_use_and_clearing_the_last_flag_resumes_it()
    {
        var rig = ARig();
        var registered = (UsageRegistered)Enter(rig, Verified(rig, Now)).Events[0];
        rig = rig.Apply(registered);
        rig.Jurisdictions.ShouldBe(["330212"]);

        var flagged = (RigFlagged)SupervisionDecisions.Flag(rig, FlagCategory.Cloned, "plate", [], registered.ProjectId, "330212", Engineer, Now).Events[0];
        rig = rig.Apply(flagged);
        rig.Status.ShouldBe(RigStatus.Suspended);
        rig.Usage!.Suspended.ShouldBeTrue();

        var cleared = (FlagCleared)SupervisionDecisions.ClearFlag(rig, flagged.FlagId, "ok", Engineer, Now).Events[0];
        cleared.ResumedUsageId.ShouldBe(registered.UsageId);
        rig = rig.Apply(cleared);
        rig.Status.ShouldBe(RigStatus.InUse);
        SupervisionDecisions.ClearFlag(rig, flagged.FlagId, "again", Engineer, Now).Violation!.Rule.ShouldBe(SupervisionRules.FlagNotFound);
    }
}
