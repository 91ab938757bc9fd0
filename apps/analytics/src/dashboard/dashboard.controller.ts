import { Controller, Get, NotFoundException, Param, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { DASHBOARD_ASSETS } from './dashboard-assets';

/** Everything the page loads comes from this service: its script calls the service's own /v1 endpoints. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

/** The analysts' dashboard: a static page and script, outside URI versioning. */
@ApiExcludeController()
@Controller({ path: 'dashboard', version: VERSION_NEUTRAL })
export class DashboardController {
  @Get()
  page(@Res() res: Response): void {
    this.send(res, 'index.html');
  }

  @Get(':asset')
  asset(@Param('asset') asset: string, @Res() res: Response): void {
    this.send(res, asset);
  }

  private send(res: Response, name: string): void {
    const asset = Object.hasOwn(DASHBOARD_ASSETS, name) ? DASHBOARD_ASSETS[name] : undefined;
    if (!asset) throw new NotFoundException(`no dashboard asset ${name}`);
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.type(asset.type).sendFile(asset.file);
  }
}
