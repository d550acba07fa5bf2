import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { DomainError } from '../../core/errors/domain.error.js';
import { CorrelationId } from '../../core/http/correlation-id.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { DecisionRequestDto, ListReviewsQueryDto, ReviewRequestDto } from './dto/review.dto.js';
import { ClaimReviewDocs, DecideReviewDocs, ListReviewsDocs, RequestReviewDocs, ReverifyReviewDocs } from './review.api-docs.js';
import { ReviewService } from './review.service.js';

const applicationIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('The application') });

@Controller('v1/reviews')
@Roles('reviewer')
export class ReviewController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly applications: ApplicationsService,
  ) {}

  /** Cases waiting for a decision (by default), oldest first. */
  @Get()
  @ListReviewsDocs()
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListReviewsQueryDto, @CorrelationId() correlationId: string) {
    return this.reviews.list(principal, query, correlationId);
  }

  /** Pulls an automatically determined application into the queue. */
  @Post()
  @HttpCode(201)
  @RequestReviewDocs()
  request(@CurrentPrincipal() principal: Principal, @Body() body: ReviewRequestDto, @CorrelationId() correlationId: string) {
    return this.reviews.request(principal, body, correlationId);
  }

  @Post(':applicationId/claim')
  @HttpCode(200)
  @ClaimReviewDocs()
  claim(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', applicationIdPipe) applicationId: string,
    @CorrelationId() correlationId: string,
  ) {
    return this.reviews.claim(principal, applicationId, correlationId);
  }

  @Post(':applicationId/decision')
  @HttpCode(200)
  @DecideReviewDocs()
  decide(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', applicationIdPipe) applicationId: string,
    @Body() body: DecisionRequestDto,
    @CorrelationId() correlationId: string,
  ) {
    return this.reviews.decide(principal, applicationId, body, correlationId);
  }

  /** Sends the case back for a fresh verification instead of deciding it. */
  @Post(':applicationId/reverify')
  @HttpCode(202)
  @ReverifyReviewDocs()
  reverify(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', applicationIdPipe) applicationId: string,
    @CorrelationId() correlationId: string,
  ) {
    return this.applications.reverify(principal, applicationId, correlationId);
  }
}
