import { runService } from '@app/platform';
import { createIngestApp } from './ingest.app';

runService(() => createIngestApp(process.env));
