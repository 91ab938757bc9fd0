import { runService } from '@app/platform';
import { createAnalyticsApp } from './analytics.app';

runService(() => createAnalyticsApp(process.env));
