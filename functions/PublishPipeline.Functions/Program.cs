using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PublishPipeline;
using PublishPipeline.Functions;
using PublishPipeline.Functions.Telemetry;
using PublishPipeline.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<SubmissionScopeMiddleware>();
builder.UseMiddleware<HttpProblemMiddleware>();
builder.Services.AddPipelineTelemetry();
builder.Services.AddPublishPipeline(builder.Configuration).AddPipelineHttp();
await builder.Build().RunAsync();
