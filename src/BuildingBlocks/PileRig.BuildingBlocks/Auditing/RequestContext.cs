using PileRig.SharedKernel.Identity;

namespace PileRig.BuildingBlocks.Auditing;

/// <summary>
/// Per-request facts every write records: who acts (resolved from the database by the host), from which client, under
/// which correlation id. Scoped; filled in by the host's middleware before any handler runs.
/// </summary>
public sealed class RequestContext
{
    private Actor? _actor;

    public Actor? ActorOrNull => _actor;

    /// <summary>The authenticated actor; asking for it on an anonymous request is a programming error.</summary>
    public Actor Actor => _actor ?? throw new InvalidOperationException("No authenticated actor on this request.");

    public ClientInfo Client { get; private set; } = ClientInfo.SystemClient;

    public string? CorrelationId { get; private set; }

    public void SetClient(ClientInfo client, string? correlationId)
    {
        Client = client;
        CorrelationId = correlationId;
    }

    public void SetActor(Actor actor) => _actor = actor;

    /// <summary>Set when the request carries an Idempotency-Key: the unit of work reserves it in the command's transaction.</summary>
    public (string Id, string RequestHash)? Idempotency { get; private set; }

    public void SetIdempotency(string id, string requestHash) => Idempotency = (id, requestHash);

    /// <summary>True when the answer is the one stored for this key (the response says so in a header).</summary>
    public bool IdempotentReplay { get; private set; }

    public void MarkIdempotentReplay() => IdempotentReplay = true;
}
