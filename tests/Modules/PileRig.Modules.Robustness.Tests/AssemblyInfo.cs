using Xunit;
using PileRig.Modules.Tests.Fixture;

[assembly: AssemblyFixture(typeof(PileRigHost))]
