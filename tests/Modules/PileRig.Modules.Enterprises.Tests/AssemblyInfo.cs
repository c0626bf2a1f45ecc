using PileRig.Modules.Tests.Fixture;
using Xunit;

[assembly: AssemblyFixture(typeof(PileRigHost))]
