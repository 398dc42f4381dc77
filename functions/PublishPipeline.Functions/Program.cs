using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PublishPipeline;
using PublishPipeline.Functions.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<SubmissionScopeMiddleware>();
builder.Services.AddPipelineTelemetry();
builder.Services.AddPublishPipeline(builder.Configuration);
await builder.Build().RunAsync();
