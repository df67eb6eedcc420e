import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/**
 * The grid of cdk-monitoring-constructs' service dashboards, which this dashboard follows: 24 units
 * wide; each hop a one-line header, then its graphs side by side, 5 units high, with axes from zero.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
export const DASHBOARD_GRID = { width: 24, graphHeight: 5, headerHeight: 1 } as const;

/** A hop's one-line header: what it is, which one, and what else to know of it. */
export function hopHeader(kind: string, name: string, detail?: string): cloudwatch.TextWidget {
  return new cloudwatch.TextWidget({
    markdown: `### ${kind} **${name}**${detail ? ` · ${detail}` : ''}`,
    width: DASHBOARD_GRID.width,
    height: DASHBOARD_GRID.headerHeight,
  });
}

/** One graph of a hop's row: `perRow` of them fill the dashboard's width. */
export function graph(title: string, perRow: number, left: cloudwatch.IMetric[], unit?: string): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({
    title,
    left,
    width: DASHBOARD_GRID.width / perRow,
    height: DASHBOARD_GRID.graphHeight,
    leftYAxis: { min: 0, label: unit, showUnits: false },
  });
}

/**
 * The states of alarms that may be added until the app is synthesized (each added service brings
 * its own): an `AlarmStatusWidget` of the alarms there are then, one row of four for every four.
 */
export class AlarmStates implements cloudwatch.IWidget {
  public readonly width = DASHBOARD_GRID.width;
  private x = 0;
  private y = 0;

  constructor(private readonly title: string, private readonly alarms: () => cloudwatch.IAlarm[]) {}

  public get height(): number {
    return DASHBOARD_GRID.headerHeight + Math.max(1, Math.ceil(this.alarms().length / 4)) * 2;
  }

  public position(x: number, y: number): void {
    this.x = x;
    this.y = y;
  }

  public toJson(): any[] {
    const widget = new cloudwatch.AlarmStatusWidget({ title: this.title, alarms: this.alarms(), width: this.width, height: this.height });
    widget.position(this.x, this.y);
    return widget.toJson();
  }
}
