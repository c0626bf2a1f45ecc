using FluentValidation;
using Mediator;
using PileRig.BuildingBlocks.Errors;

namespace PileRig.BuildingBlocks.Mediation;

/// <summary>
/// Runs every FluentValidation validator of the message before its handler; input shape only, no database. All
/// failures are reported together as one 400.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var failures = new List<FieldError>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors.Select(FieldError.From));
        }

        if (failures.Count > 0)
        {
            throw new InputValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
