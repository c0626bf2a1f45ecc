using JasperFx;
using Npgsql;

namespace PileRig.BuildingBlocks.Persistence;

/// <summary>
/// The exceptions Marten throws when another transaction got there first: an append at a version that moved on, a
/// stream or document id already taken, a stream locked by another writer, or a unique index already holding the value.
/// None is a fault of the server; each is answered 409 (or decided again), never 500.
/// </summary>
public static class LostRaces
{
    public static bool IsLostRace(Exception exception) => exception switch
    {
        ConcurrencyException or DocumentAlreadyExistsException => true,
        JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException => true,
        JasperFx.Events.StreamLockedException or Marten.Exceptions.StreamLockedException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => true,
        _ when exception.InnerException is { } inner => IsLostRace(inner),
        _ => false,
    };
}
