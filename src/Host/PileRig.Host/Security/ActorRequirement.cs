using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.SharedKernel.Rules;

namespace PileRig.Host.Security;

/// <summary>An active, resolved actor; optionally ready for work and in one of the given roles.</summary>
public sealed class ActorRequirement(bool mustBeReady, params string[] roles) : IAuthorizationRequirement
{
    public bool MustBeReady { get; } = mustBeReady;

    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>A failure reason that names the rule, so the 403 says why.</summary>
public sealed class RuleFailureReason(IAuthorizationHandler handler, RuleCode rule) : AuthorizationFailureReason(handler, rule.Code)
{
    public RuleCode Rule { get; } = rule;
}

public sealed class ActorRequirementHandler : AuthorizationHandler<ActorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ActorRequirement requirement)
    {
        var actor = (context.Resource as HttpContext)?.RequestServices.GetRequiredService<RequestContext>().ActorOrNull;
        var refusal = actor switch
        {
            null => CommonRules.Unauthenticated,
            _ when requirement.MustBeReady && actor.MustChangePassword => CommonRules.PasswordChangeRequired,
            _ when requirement.MustBeReady && !actor.IsReadyForWork => CommonRules.ProfileIncomplete,
            _ when requirement.Roles.Count > 0 && !requirement.Roles.Contains(actor.Role) => CommonRules.RoleForbidden,
            _ => null,
        };

        if (refusal is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new RuleFailureReason(this, refusal));
        }

        return Task.CompletedTask;
    }
}

/// <summary>401 and 403 as problem details naming the rule (profile incomplete, password change required, role).</summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }

        if (authorizeResult.Challenged)
        {
            await Problems.WriteAsync(context, Problems.For(RuleViolation.Of(CommonRules.Unauthenticated), StatusCodes.Status401Unauthorized));
            return;
        }

        var rule = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<RuleFailureReason>().FirstOrDefault()?.Rule
            ?? CommonRules.RoleForbidden;
        await Problems.WriteAsync(context, Problems.For(rule));
    }
}
