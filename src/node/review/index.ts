export { ReviewStore, emptyReviewState, REVIEW_FILE_NAME, type FrequencyTarget } from './review-store';
export { ReviewService, UnknownReviewItemError, type ReviewServiceParts } from './review-service';
export { exportReviewState, restoreReviewState, type ReviewRestoreReport } from './review-backup';
