namespace PileRig.SharedKernel.Rules;

/// <summary>How a broken rule is answered over HTTP.</summary>
public enum RuleKind
{
    /// <summary>The input's shape is wrong (400).</summary>
    Validation,
    /// <summary>A business rule refuses the change (409).</summary>
    Conflict,
    /// <summary>The actor may not do this (403).</summary>
    Forbidden,
    /// <summary>Nothing the actor may see exists under that id (404).</summary>
    NotFound,
    /// <summary>Too many attempts (429).</summary>
    TooManyRequests,
}

/// <summary>
/// A named rule with its message in both languages the product speaks. Messages may name arguments in braces
/// (<c>{limit}</c>); both languages must use the same ones, a test checks every rule code declared in the code base.
/// </summary>
public sealed record RuleCode(string Code, RuleKind Kind, string ZhCn, string En)
{
    public string Message(bool english) => english ? En : ZhCn;

    public override string ToString() => Code;
}
