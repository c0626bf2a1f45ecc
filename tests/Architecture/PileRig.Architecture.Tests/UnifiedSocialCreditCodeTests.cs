using PileRig.SharedKernel.Values;
using Shouldly;
using Xunit;

namespace PileRig.Architecture.Tests;

/// <summary>The GB 32100 arithmetic on its own (the HTTP behaviour is tested in the Enterprises tests).</summary>
public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91330424721046789H", CreditCodeCheck.Valid)]
    [InlineData("91110000101623741K", CreditCodeCheck.Valid)]
    [InlineData("91330424721046789J", CreditCodeCheck.CheckCharacterMismatch)]
    [InlineData("91110000101623741A", CreditCodeCheck.CheckCharacterMismatch)]
    [InlineData("9111000010162374IK", CreditCodeCheck.BadFormat)]
    [InlineData("9111000010162374", CreditCodeCheck.BadFormat)]
    [InlineData("", CreditCodeCheck.BadFormat)]
    public void The_check_character_is_computed_per_GB_32100(string code, CreditCodeCheck expected) =>
        UnifiedSocialCreditCode.Check(code).ShouldBe(expected);

    [Fact]
    public void A_remainder_of_zero_maps_to_the_character_0()
    {
        // Search a body whose weighted sum is divisible by 31: 31 − 0 = 31 must map to '0', not overflow the alphabet.
        var body = Enumerable.Range(0, 100_000).Select(i => "9133" + i.ToString("D13", System.Globalization.CultureInfo.InvariantCulture))
            .First(b => UnifiedSocialCreditCode.ExpectedCheckCharacter(b + "0") == '0');

        UnifiedSocialCreditCode.Check(body + "0").ShouldBe(CreditCodeCheck.Valid);
    }

    [Fact]
    public void Generated_passwords_always_satisfy_the_policy()
    {
        for (var i = 0; i < 500; i++)
        {
            PasswordPolicy.IsSatisfiedBy(PasswordPolicy.Generate()).ShouldBeTrue();
        }
    }
}
