namespace PileRig.Modules.Tests.Fixture;

/// <summary>A running PileRig the scenario helpers drive through HTTP: in the test process, or in its own OS process.</summary>
public interface IHostUnderTest
{
    string AdminPassword { get; }

    ApiClient NewClient(string? language = null);
}
