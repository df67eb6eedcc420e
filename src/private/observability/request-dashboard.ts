import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import { AlarmStates, DASHBOARD_GRID, graph, hopHeader } from './dashboard-layout';
import { serviceGraphs } from './service-graphs';
import type { StageMetrics } from '../api/service-front';
import type { WiredService } from '../backends/service-backend';
import type { ResolvedBaseProps } from '../props/resolved-options';

/** What the dashboard shows: the API, the backend's own hop, and the recommended alarms if there are any. */
export interface DashboardSources {
  /** The kind of API (`HTTP API`, `REST API`), its id and its stage. */
  readonly apiTitle: string;
  readonly apiId: string;
  readonly stage: StageMetrics;
  /** The backend's hop between the API and the services (a load balancer); none with Cloud Map. */
  readonly backendGraphs: cloudwatch.IWidget[];
  /** The recommended alarms, read when the app is synthesized: every service added by then has its own. */
  readonly alarms?: () => cloudwatch.IAlarm[];
}

/**
 * The dashboard of `dashboard`, laid out as cdk-monitoring-constructs lays out a service's: a text
 * header, then one row of graphs for each hop a request takes, top to bottom (the API, the backend,
 * each service: how the backend reaches it, then its tasks), and the recommended alarms' states last.
 * The services' rows grow with every service added, until the app is synthesized.
 */
export class RequestDashboard {
  public readonly dashboard: cloudwatch.Dashboard;
  private readonly services: cloudwatch.Column;
  private readonly taskCounts: boolean;

  constructor(scope: Construct, resolved: ResolvedBaseProps, sources: DashboardSources, defaultService: WiredService) {
    // A change of DashboardName replaces the dashboard; a change of its body (a service added)
    // updates it in place. https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudwatch-dashboard.html
    this.dashboard = new cloudwatch.Dashboard(scope, 'Dashboard', { dashboardName: resolved.dashboardName });
    // RunningTaskCount is a Container Insights metric: on a cluster of the construct's without it, there is none to show.
    this.taskCounts = resolved.cluster !== undefined || resolved.containerInsights;
    this.dashboard.addWidgets(new cloudwatch.TextWidget({
      markdown: `# ${scope.node.path}\n`
        + `A request, hop by hop, top to bottom: the ${sources.apiTitle}; then what stands between it and the services; then each service, `
        + `how it is reached and its tasks${sources.alarms ? '; and the recommended alarms\' states' : ''}. `
        + 'Every graph is of 5-minute periods.',
      width: DASHBOARD_GRID.width,
      height: 2,
    }));
    this.dashboard.addWidgets(...apiGraphs(sources));
    if (sources.backendGraphs.length > 0) {
      this.dashboard.addWidgets(...sources.backendGraphs);
    }
    this.services = new cloudwatch.Column(this.serviceRow('default', 'every path no other service claims', defaultService));
    this.dashboard.addWidgets(this.services);
    if (sources.alarms) {
      this.dashboard.addWidgets(new AlarmStates('Recommended alarms', sources.alarms));
    }
  }

  /** Adds an added service's rows below the services' before it. */
  public showService(id: string, pathPrefix: string, wired: WiredService): void {
    this.services.addWidget(this.serviceRow(id, pathPrefix, wired));
  }

  private serviceRow(name: string, paths: string, wired: WiredService): cloudwatch.IWidget {
    return new cloudwatch.Row(
      hopHeader('ECS service', name, paths),
      ...wired.routeGraphs,
      ...serviceGraphs(wired.service, this.taskCounts),
    );
  }
}

/**
 * The API's hop: its requests, the 4xx and 5xx it answered, its latency and its integration's (the
 * time the backend took), the difference being API Gateway's own.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html
 */
function apiGraphs({ apiTitle, apiId, stage }: DashboardSources): cloudwatch.IWidget[] {
  return [
    hopHeader(apiTitle, apiId),
    graph('Requests', 4, [stage.metricCount({ label: 'Requests', statistic: cloudwatch.Stats.SUM })]),
    graph('Errors', 4, [stage.metricClientError({ label: '4xx' }), stage.metricServerError({ label: '5xx' })]),
    graph('Latency', 4, [
      stage.metricLatency({ label: 'p50', statistic: cloudwatch.Stats.p(50) }),
      stage.metricLatency({ label: 'p99', statistic: cloudwatch.Stats.p(99) }),
    ], 'ms'),
    graph('Integration latency', 4, [
      stage.metricIntegrationLatency({ label: 'p50', statistic: cloudwatch.Stats.p(50) }),
      stage.metricIntegrationLatency({ label: 'p99', statistic: cloudwatch.Stats.p(99) }),
    ], 'ms'),
  ];
}
