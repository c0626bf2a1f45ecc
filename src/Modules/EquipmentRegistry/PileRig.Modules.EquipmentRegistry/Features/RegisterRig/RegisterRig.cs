using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Mediation;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.EquipmentRegistry.Features.RegisterRig;

public sealed record ComponentInput(ComponentKind? Kind, [property: MaxLength(100)] string? Serial, bool? Structural);

/// <summary>A rig owner registers a rig (the base unit) and its components; every item gets its own signed QR code.</summary>
public sealed record RegisterRig(
    string? TypeCode,
    [property: MaxLength(100)] string? Maker,
    [property: MaxLength(100)] string? Model,
    [property: MaxLength(100)] string? FactorySerial,
    DateOnly? ManufactureDate,
    [property: MaxLength(100)] string? CertificateNumber,
    Guid? CertificateFileId,
    DateOnly? CertificateValidUntil,
    decimal? RatedMaxHeightMetres,
    bool? TopMountedPowerHead,
    int? PowerHeadCount,
    IReadOnlyList<Guid>? PhotoFileIds,
    IReadOnlyList<ComponentInput>? Components) : ICommand<RigView>, IRetriedOnConflict;

public sealed class RegisterRigValidator : AbstractValidator<RegisterRig>
{
    public const decimal MaxRatedHeight = 200m;
    public const int MaxPowerHeads = 4;

    public RegisterRigValidator(TimeProvider clock)
    {
        var today = ChinaTime.Today(clock);
        RuleFor(c => c.TypeCode).NotEmpty().WithRule(CommonRules.Required);
        RuleFor(c => c.Maker).RequiredText(100);
        RuleFor(c => c.Model).RequiredText(100);
        RuleFor(c => c.FactorySerial).RequiredText(100);
        RuleFor(c => c.CertificateNumber).RequiredText(100);
        RuleFor(c => c.CertificateFileId).NotEmpty().WithRule(CommonRules.Required);
        RuleFor(c => c.ManufactureDate).NotNull().WithRule(CommonRules.Required)
            .Must(d => d >= new DateOnly(1980, 1, 1) && d <= today).WithRule(EquipmentRules.ManufactureDate);
        RuleFor(c => c.RatedMaxHeightMetres).NotNull().WithRule(CommonRules.Required)
            .Must(h => h > 0 && h <= MaxRatedHeight && decimal.Round(h!.Value, 1) == h).WithRule(EquipmentRules.RatedHeight, ("max", MaxRatedHeight));
        RuleFor(c => c.TopMountedPowerHead).NotNull().WithRule(CommonRules.Required);
        RuleFor(c => c.PowerHeadCount).NotNull().WithRule(CommonRules.Required)
            .InclusiveBetween(1, MaxPowerHeads).WithRule(EquipmentRules.PowerHeadCount, ("max", MaxPowerHeads));
        RuleForEach(c => c.Components).ChildRules(component =>
        {
            component.RuleFor(x => x.Kind).NotNull().WithRule(CommonRules.Required).IsInEnum().WithRule(CommonRules.InvalidValue);
            component.RuleFor(x => x.Serial).RequiredText(100);
        });
    }
}
